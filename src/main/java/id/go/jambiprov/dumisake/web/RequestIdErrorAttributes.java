package id.go.jambiprov.dumisake.web;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;

/**
 * Error pages and error JSON carry the request id, which a user can quote to the help desk, and the reason
 * of a request the application refused ({@link RequestParameterFilter}) as the message.
 */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (id != null) {
            attributes.put(RequestIdFilter.ATTRIBUTE, id);
        }
        Object refusal = request.getAttribute(RequestParameterFilter.REFUSAL, RequestAttributes.SCOPE_REQUEST);
        if (refusal != null) {
            attributes.put("message", refusal);
        }
        return attributes;
    }
}
