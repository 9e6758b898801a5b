package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.ParametersRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Drops a {@code sort} value that is not a list of property names and directions before Spring Data
 * reads it, so that the list is shown in its default order. Spring Data decodes the value once more, and
 * a {@code %} in it (a scanner's {@code sort=y"style="width:100%;…}) failed the request with a 500;
 * names of unknown properties are already ignored by each list ({@code shared.Pageables}).
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 2)
class SortParameterFilter extends OncePerRequestFilter {

    static final String SORT = "sort";
    private static final Pattern PROPERTIES_AND_DIRECTION =
            Pattern.compile("[A-Za-z0-9_.]{1,64}(,[A-Za-z0-9_.]{1,64}){0,8}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] sorts = request.getParameterValues(SORT);
        if (sorts == null || Arrays.stream(sorts).allMatch(SortParameterFilter::wellFormed)) {
            chain.doFilter(request, response);
            return;
        }
        String[] kept = Arrays.stream(sorts).filter(SortParameterFilter::wellFormed).toArray(String[]::new);
        chain.doFilter(new ParametersRequest(request, withSort(request, kept)), response);
    }

    private static boolean wellFormed(String sort) {
        return PROPERTIES_AND_DIRECTION.matcher(sort).matches();
    }

    /** The request with only the well-formed sort values ({@code kept}, possibly none). */
    private static Map<String, String[]> withSort(HttpServletRequest request, String[] kept) {
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        if (kept.length == 0) {
            parameters.remove(SORT);
        } else {
            parameters.put(SORT, kept);
        }
        return parameters;
    }
}
