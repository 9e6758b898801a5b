package id.go.jambiprov.dumisake.shared;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Map;
import java.util.Set;

/**
 * Java objects for the templates as Thymeleaf expression objects, {@code ${#name.method(…)}}: a capability's pages
 * declare theirs as a component extending this one. Unlike a bean reference ({@code @bean}), which Spring EL
 * evaluates reflectively on every use, a call on an expression object is compiled to bytecode after its first
 * evaluation — on a table page the difference is a good share of the CPU. The objects are made once and shared
 * by every page, so they must be stateless.
 */
public abstract class TemplateObjects extends AbstractDialect implements IExpressionObjectDialect {

    private final Map<String, Object> objects;

    protected TemplateObjects(String dialectName, Map<String, Object> objects) {
        super(dialectName);
        this.objects = Map.copyOf(objects);
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return objects.keySet();
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return objects.get(name);
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
