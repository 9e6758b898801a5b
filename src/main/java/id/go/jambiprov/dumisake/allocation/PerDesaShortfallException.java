package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import java.util.List;

/** A per-desa allocation refused whole, with every kecamatan that lacks money and how much. */
public class PerDesaShortfallException extends BusinessRuleException {

    private final transient List<EnvelopeShortfall> shortfalls;

    public PerDesaShortfallException(List<EnvelopeShortfall> shortfalls) {
        super("ENVELOPE_EXCEEDED", "allocation.perDesa.shortfall", shortfalls.size());
        this.shortfalls = List.copyOf(shortfalls);
        with("shortfalls", this.shortfalls);
    }

    public List<EnvelopeShortfall> shortfalls() {
        return shortfalls;
    }
}
