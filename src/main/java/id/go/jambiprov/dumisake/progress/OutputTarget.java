package id.go.jambiprov.dumisake.progress;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One row of the output targets as somebody sets them.
 *
 * @param id      the indicator it changes, null for a new one
 * @param version the version that was read, to refuse overwriting somebody else's change; null: not checked
 */
public record OutputTarget(Long id, String name, String unit, BigDecimal target, Long version) implements Serializable {
}
