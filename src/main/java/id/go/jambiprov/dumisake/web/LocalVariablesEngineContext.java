package id.go.jambiprov.dumisake.web;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.EngineContext;
import org.thymeleaf.context.ILazyContextVariable;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.WebEngineContext;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.web.IWebExchange;

import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The variables of a page being rendered — the model, {@code th:with}, {@code th:each}, fragment parameters —
 * kept in the context's own maps, one per element level, as Thymeleaf's {@link EngineContext} keeps them, and
 * the request's attributes read only for a name the template did not set ({@code _csrf}, the request id, what
 * a filter or an interceptor put there).
 * <p>
 * Thymeleaf's {@link WebEngineContext} stores every such variable as a request attribute and puts back the old
 * value when its element ends: each set and each read goes through the request wrappers of the security and
 * session filters, and a list page sets thousands. That was about an eighth of a list page's rendering.
 * <p>
 * As a web context it gives {@code #request}, {@code #session}, {@code @{…}} links and Spring's
 * {@code RequestContext} the exchange; {@code param}, {@code session} and {@code application} are those of a
 * {@link WebEngineContext} on the same exchange (its maps are Thymeleaf's private classes, and so
 * {@code ${param.x}} reads exactly as before), made the first time one is asked for. Unlike there, the model
 * is not copied into the request: Spring's {@code RequestContext} (bindings, {@code th:field},
 * {@code #fields}) reads the model it was given, and the application's own code reads no model attribute
 * from the request.
 */
final class LocalVariablesEngineContext extends EngineContext implements IWebContext {

    private static final String PARAM = "param";
    private static final String SESSION = "session";
    private static final String APPLICATION = "application";

    /* a variable removed by a processor: hides a request attribute of that name until its element ends */
    private static final Object REMOVED = new Object() {
        @Override
        public String toString() {
            return "(*removed*)";
        }
    };

    private final IWebExchange exchange;
    private final IEngineConfiguration configuration;
    private final TemplateData templateData;
    private final Map<String, Object> templateResolutionAttributes;
    private WebEngineContext webVariables;

    LocalVariablesEngineContext(IEngineConfiguration configuration, TemplateData templateData,
                                Map<String, Object> templateResolutionAttributes, IWebExchange exchange,
                                Locale locale, Map<String, Object> variables) {
        super(configuration, templateData, templateResolutionAttributes, locale, Collections.emptyMap());
        this.exchange = exchange;
        this.configuration = configuration;
        this.templateData = templateData;
        this.templateResolutionAttributes = templateResolutionAttributes;
        setVariables(variables);
    }

    @Override
    public IWebExchange getExchange() {
        return exchange;
    }

    @Override
    public Object getVariable(String name) {
        Object value = super.getVariable(name);
        if (value != null) {
            return value == REMOVED ? null : value;
        }
        if (super.containsVariable(name)) {
            return null;
        }
        if (reserved(name)) {
            return webVariables().getVariable(name);
        }
        Object attribute = exchange.getAttributeValue(name);
        return attribute instanceof ILazyContextVariable<?> lazy ? lazy.getValue() : attribute;
    }

    @Override
    public boolean containsVariable(String name) {
        if (super.containsVariable(name)) {
            return super.getVariable(name) != REMOVED;
        }
        // as WebEngineContext: param, session and application are always there
        return reserved(name) || exchange.containsAttribute(name);
    }

    @Override
    public Set<String> getVariableNames() {
        Set<String> names = new HashSet<>(exchange.getAllAttributeNames());
        for (String name : super.getVariableNames()) {
            if (super.getVariable(name) == REMOVED) {
                names.remove(name);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public void setVariable(String name, Object value) {
        refuseReserved(name);
        super.setVariable(name, value);
    }

    @Override
    public void setVariables(Map<String, Object> variables) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        variables.keySet().forEach(LocalVariablesEngineContext::refuseReserved);
        super.setVariables(variables);
    }

    @Override
    public void removeVariable(String name) {
        refuseReserved(name);
        if (containsVariable(name)) {
            super.setVariable(name, REMOVED);
        }
    }

    @Override
    public boolean isVariableLocal(String name) {
        return super.isVariableLocal(name) && super.getVariable(name) != REMOVED;
    }

    private WebEngineContext webVariables() {
        if (webVariables == null) {
            webVariables = new WebEngineContext(configuration, templateData, templateResolutionAttributes, exchange,
                    getLocale(), Collections.emptyMap());
        }
        return webVariables;
    }

    private static boolean reserved(String name) {
        return PARAM.equals(name) || SESSION.equals(name) || APPLICATION.equals(name);
    }

    private static void refuseReserved(String name) {
        if (reserved(name)) {
            throw new IllegalArgumentException(
                    "Cannot set variable called '" + name + "' into web variables map: such name is a reserved word");
        }
    }
}
