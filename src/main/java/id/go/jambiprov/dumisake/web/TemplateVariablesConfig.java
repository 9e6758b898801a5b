package id.go.jambiprov.dumisake.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.StandardEngineContextFactory;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.spring6.SpringTemplateEngine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gives Spring Boot's template engine {@link LocalVariablesEngineContext} for pages rendered for a request
 * (Spring MVC's views, {@code dashboard.web.RenderedFragments}), so that template variables stay out of the
 * request's attributes; anything rendered without a request keeps Thymeleaf's own context. A bean post-processor
 * because Boot's auto-configuration offers no customizer of the engine, and the factory can only be set before
 * the first template is rendered.
 */
@Component
class TemplateVariablesConfig implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringTemplateEngine engine) {
            engine.setEngineContextFactory(new Factory());
        }
        return bean;
    }

    /** As Thymeleaf's {@link StandardEngineContextFactory}, with the lighter context for web requests. */
    static final class Factory implements IEngineContextFactory {

        private final IEngineContextFactory standard = new StandardEngineContextFactory();

        @Override
        public IEngineContext createEngineContext(IEngineConfiguration configuration, TemplateData templateData,
                                                  Map<String, Object> templateResolutionAttributes, IContext context) {
            if (!(context instanceof IWebContext web)) {
                return standard.createEngineContext(configuration, templateData, templateResolutionAttributes, context);
            }
            Set<String> names = context.getVariableNames();
            Map<String, Object> variables = new LinkedHashMap<>(names.size() + 1, 1.0f);
            for (String name : names) {
                variables.put(name, context.getVariable(name));
            }
            return new LocalVariablesEngineContext(configuration, templateData, templateResolutionAttributes,
                    web.getExchange(), web.getLocale(), variables);
        }
    }
}
