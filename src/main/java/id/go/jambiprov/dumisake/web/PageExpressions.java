package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.TemplateObjects;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The page helpers as Thymeleaf expression objects: {@code ${#fmt.rupiah(amount)}},
 * {@code ${#links.sort('name')}}, {@code ${#viewer.hasAnyRole('ADMIN')}}, {@code ${#nav.link(…)}}.
 */
@Component
public class PageExpressions extends TemplateObjects {

    PageExpressions(DisplayFormats fmt, PageLinks links, Viewer viewer, SelectOptions options, NavigationLinks nav) {
        super("dumisake", Map.of("fmt", fmt, "links", links, "viewer", viewer, "options", options, "nav", nav));
    }
}
