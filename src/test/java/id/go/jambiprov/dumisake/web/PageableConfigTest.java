package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;
import org.springframework.data.web.config.SortHandlerMethodArgumentResolverCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's page and sort resolver reads what Spring Data's own reads, with the same settings: the
 * requested page, size and sort, a list's default size, the largest size, a qualified parameter's own names.
 */
class PageableConfigTest {

    private static final PageableHandlerMethodArgumentResolverCustomizer PAGE_SETTINGS =
            resolver -> resolver.setMaxPageSize(100);
    private static final SortHandlerMethodArgumentResolverCustomizer SORT_SETTINGS =
            resolver -> resolver.setPropertyDelimiter(",");

    @SuppressWarnings("unused")
    void list(@PageableDefault(size = 50) Pageable pageable) {
    }

    @SuppressWarnings("unused")
    void qualified(@Qualifier("second") Pageable second) {
    }

    @Test
    void readsThePageAsSpringDataReadsIt() throws Exception {
        HandlerMethodArgumentResolver ours = ours();
        PageableHandlerMethodArgumentResolver springData = new PageableHandlerMethodArgumentResolver();
        PAGE_SETTINGS.customize(springData);

        for (Map<String, String> parameters : List.of(Map.<String, String>of(), Map.of("page", "3"),
                Map.of("page", "2", "size", "20", "sort", "amount,desc"), Map.of("size", "5000"),
                Map.of("page", "-4", "sort", "title"), Map.of("second_page", "7", "second_size", "9"))) {
            for (int index = 0; index < 2; index++) {
                MethodParameter parameter = parameter(index);
                ServletWebRequest request = request(parameters);
                assertThat(ours.resolveArgument(parameter, null, request, null))
                        .as("%s, parameter %d", parameters, index)
                        .isEqualTo(springData.resolveArgument(parameter, null, request, null));
            }
        }
    }

    @Test
    void aListGetsItsDefaultSizeAndTheLargestAllowed() throws Exception {
        HandlerMethodArgumentResolver ours = ours();

        Pageable asked = (Pageable) ours.resolveArgument(parameter(0), null,
                request(Map.of("page", "1", "sort", "amount,desc")), null);
        Pageable tooLarge = (Pageable) ours.resolveArgument(parameter(0), null, request(Map.of("size", "5000")), null);
        Pageable qualified = (Pageable) ours.resolveArgument(parameter(1), null,
                request(Map.of("second_page", "7", "page", "2")), null);

        assertThat(asked.getPageNumber()).isEqualTo(1);
        assertThat(asked.getPageSize()).isEqualTo(50);
        assertThat(asked.getSort().getOrderFor("amount").isDescending()).isTrue();
        assertThat(tooLarge.getPageSize()).isEqualTo(100);
        assertThat(qualified.getPageNumber()).isEqualTo(7);
    }

    @Test
    void comesBeforeTheResolversSpringDataAdds() {
        List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(List.of(new PageableHandlerMethodArgumentResolver()));

        config().addArgumentResolvers(resolvers);

        assertThat(resolvers.get(0)).isInstanceOf(PageableHandlerMethodArgumentResolver.class)
                .isNotSameAs(resolvers.get(1));
        assertThat(resolvers.get(0).getClass().getEnclosingClass()).isEqualTo(PageableConfig.class);
    }

    private static HandlerMethodArgumentResolver ours() {
        List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
        config().addArgumentResolvers(resolvers);
        return resolvers.get(0);
    }

    private static PageableConfig config() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("pageSettings", PAGE_SETTINGS);
        beans.addBean("sortSettings", SORT_SETTINGS);
        ObjectProvider<PageableHandlerMethodArgumentResolverCustomizer> pages =
                beans.getBeanProvider(PageableHandlerMethodArgumentResolverCustomizer.class);
        ObjectProvider<SortHandlerMethodArgumentResolverCustomizer> sorts =
                beans.getBeanProvider(SortHandlerMethodArgumentResolverCustomizer.class);
        return new PageableConfig(pages, sorts);
    }

    /** The list's parameter (0) or the qualified one (1). */
    private MethodParameter parameter(int which) throws NoSuchMethodException {
        return new MethodParameter(getClass().getDeclaredMethod(which == 0 ? "list" : "qualified", Pageable.class), 0);
    }

    private static ServletWebRequest request(Map<String, String> parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/alokasi");
        parameters.forEach(request::addParameter);
        return new ServletWebRequest(request);
    }
}
