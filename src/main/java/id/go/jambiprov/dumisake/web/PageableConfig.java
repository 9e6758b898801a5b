package id.go.jambiprov.dumisake.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.SortHandlerMethodArgumentResolver;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;
import org.springframework.data.web.config.SortHandlerMethodArgumentResolverCustomizer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The page and sort a list asks for, read as Spring Data reads them, with its settings, but without looking for a
 * {@code @Qualifier} through every annotation of the parameter on each request: Spring Data does that three times
 * per list request (page, size, sort), 4 % of a list page's CPU in a profile (docs/benchmarks.md). A parameter that
 * carries {@code @Qualifier} itself is read by Spring Data's own rule. Put first, so that it answers before the
 * resolvers Spring Data adds.
 */
@Configuration(proxyBeanMethods = false)
class PageableConfig implements WebMvcConfigurer {

    private final PageableHandlerMethodArgumentResolver pageable;

    PageableConfig(ObjectProvider<PageableHandlerMethodArgumentResolverCustomizer> pageableSettings,
                   ObjectProvider<SortHandlerMethodArgumentResolverCustomizer> sortSettings) {
        SortResolver sort = new SortResolver();
        sortSettings.orderedStream().forEach(settings -> settings.customize(sort));
        PageableResolver resolver = new PageableResolver(sort);
        pageableSettings.orderedStream().forEach(settings -> settings.customize(resolver));
        this.pageable = resolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(0, pageable);
    }

    private static boolean qualified(MethodParameter parameter) {
        return parameter != null && parameter.hasParameterAnnotation(Qualifier.class);
    }

    private static final class PageableResolver extends PageableHandlerMethodArgumentResolver {

        private String prefix = "";

        PageableResolver(SortHandlerMethodArgumentResolver sort) {
            super(sort);
        }

        @Override
        public void setPrefix(String prefix) {
            super.setPrefix(prefix);
            this.prefix = prefix;
        }

        @Override
        protected String getParameterNameToUse(String source, MethodParameter parameter) {
            return qualified(parameter) ? super.getParameterNameToUse(source, parameter) : prefix + source;
        }
    }

    private static final class SortResolver extends SortHandlerMethodArgumentResolver {

        private String sortParameter = "sort";

        @Override
        public void setSortParameter(String sortParameter) {
            super.setSortParameter(sortParameter);
            this.sortParameter = sortParameter;
        }

        @Override
        protected String getSortParameter(MethodParameter parameter) {
            return qualified(parameter) ? super.getSortParameter(parameter) : sortParameter;
        }
    }
}
