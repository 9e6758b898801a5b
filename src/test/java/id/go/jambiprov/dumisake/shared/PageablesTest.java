package id.go.jambiprov.dumisake.shared;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A page written into a statement. */
class PageablesTest {

    @Test
    void aPageIsItsRowsAndOneMoreFromItsFirstRow() {
        assertThat(Pageables.limitOffset(PageRequest.of(0, 50), 1)).isEqualTo(" limit 51 offset 0");
        assertThat(Pageables.limitOffset(PageRequest.of(3, 20), 0)).isEqualTo(" limit 20 offset 60");
    }
}
