package id.go.jambiprov.dumisake.web;

import java.time.Clock;

/** The application's Thymeleaf expression objects ({@code #fmt}, {@code #links}, …) for tests that render outside a context. */
public final class PageDialect {

    private PageDialect() {
    }

    public static PageExpressions create() {
        return new PageExpressions(new DisplayFormats(Clock.systemUTC(), DisplayFormatsTest.messages()), new PageLinks(), new Viewer(),
                new SelectOptions(DisplayFormatsTest.messages()), new NavigationLinks(DisplayFormatsTest.messages()));
    }
}
