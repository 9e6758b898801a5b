package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.allocation.EnvelopeShortfall;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a per-desa allocation wrote ({@code written}, per kecamatan), the desa it skipped because they already
 * hold an allocation of the programme, and — when only what fits was written — the kecamatan left out.
 * Serializable: the page carries it to the next request as a flash attribute.
 */
public record PerDesaResult(int allocations, int kecamatan, BigDecimal total, List<Written> written,
                            List<Skipped> skipped, List<EnvelopeShortfall> notFitting) implements Serializable {

    /** The allocations written in one kecamatan. */
    public record Written(String kecamatanCode, String kecamatanName, int allocations, BigDecimal total)
            implements Serializable {
    }

    /** A desa left out because it already holds an active allocation of the programme in the year. */
    public record Skipped(String desaCode, String desaName, String kecamatanName) implements Serializable {
    }
}
