package id.go.jambiprov.dumisake.shared;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ListPageTest {

    @Test
    void theRowReadBeyondThePageOnlyTellsThatANextPageExists() {
        List<Integer> eleven = IntStream.range(0, 11).boxed().toList();

        ListPage<Integer> page = new ListPage<>(eleven, PageRequest.of(0, 10), new ListCount.Rows(200_000, true));
        ListPage<Integer> last = new ListPage<>(eleven.subList(0, 7), PageRequest.of(3, 10),
                new ListCount.Rows(200_000, true));

        assertThat(page.getContent()).hasSize(10);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.isLast()).isFalse();
        assertThat(page.isTotalEstimated()).isTrue();
        assertThat(last.hasNext()).isFalse();
        assertThat(last.isLast()).isTrue();
    }

    @Test
    void anEstimateIsSaidToTwoSignificantDigits() {
        assertThat(rounded(201_904)).isEqualTo(200_000);
        assertThat(rounded(48_481)).isEqualTo(48_000);
        assertThat(rounded(27_649)).isEqualTo(28_000);
        assertThat(rounded(10_001)).isEqualTo(10_000);
        assertThat(rounded(87)).isEqualTo(87);
    }

    private static long rounded(long total) {
        return ListPage.exact(List.of(1), PageRequest.of(0, 50), total).getRoundedTotal();
    }
}
