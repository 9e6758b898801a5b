package id.go.jambiprov.dumisake.allocation.domain;

import id.go.jambiprov.dumisake.allocation.EnvelopeShortfall;
import id.go.jambiprov.dumisake.allocation.PerDesaShortfallException;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One kecamatan's envelope in one fiscal year, and invariant 1: the ACTIVE allocations of an envelope never
 * add up to more than its pagu. Every path that moves money into or out of an envelope — a new allocation, a
 * revision, a cancellation, the bulk import, the per-desa allocation and a change of the year's pagu — asks
 * this class, with the envelope locked ({@link Envelopes}), before it writes.
 * <p>
 * The database keeps {@code envelope.allocated} equal to the sum of the allocation rows (trigger of V4/V13)
 * and refuses any row above the pagu (CHECK): the decision is taken here, the CHECK is the safety net should a
 * writer ever skip this class.
 */
public final class Envelope {

    private final int year;
    private final String kecamatanCode;
    private final String kecamatanName;
    private BigDecimal pagu;
    private BigDecimal allocated;
    private BigDecimal realised;

    public Envelope(int year, String kecamatanCode, String kecamatanName, BigDecimal pagu, BigDecimal allocated,
                    BigDecimal realised) {
        this.year = year;
        this.kecamatanCode = kecamatanCode;
        this.kecamatanName = kecamatanName;
        this.pagu = pagu;
        this.allocated = allocated;
        this.realised = realised;
    }

    public BigDecimal remaining() {
        return pagu.subtract(allocated);
    }

    /** Whether {@code amount} of new money fits what is left; the amount may take the envelope to its pagu exactly. */
    public boolean canTake(BigDecimal amount) {
        return amount.compareTo(remaining()) <= 0;
    }

    /** Takes {@code amount} of new money (a new allocation, or what a revision adds), or refuses with what is left. */
    public void reserve(BigDecimal amount) {
        requireNotNegative(amount);
        if (!canTake(amount)) {
            BigDecimal remaining = remaining();
            throw new BusinessRuleException("ENVELOPE_EXCEEDED", "allocation.envelopeExceeded", kecamatanName, year,
                    Rupiah.format(remaining), Rupiah.format(amount))
                    .with("remaining", remaining);
        }
        allocated = allocated.add(amount);
    }

    /** Gives back {@code amount} (a cancellation, or what a revision removes); always allowed. */
    public void release(BigDecimal amount) {
        requireNotNegative(amount);
        if (amount.compareTo(allocated) > 0) {
            throw new IllegalArgumentException("cannot release more than the envelope holds");
        }
        allocated = allocated.subtract(amount);
    }

    /** A revision of an allocation by {@code change}: more money is reserved, less is released. */
    public void adjust(BigDecimal change) {
        if (change.signum() > 0) {
            reserve(change);
        } else {
            release(change.negate());
        }
    }

    /**
     * Moves what the envelope has realised by {@code change} (a disbursement of one of its allocations verified,
     * or withdrawn): never below zero, never above what is allocated.
     */
    public void realise(BigDecimal change) {
        BigDecimal newRealised = realised.add(change);
        if (newRealised.signum() < 0 || newRealised.compareTo(allocated) > 0) {
            throw new IllegalArgumentException("realised money must stay between zero and what is allocated");
        }
        realised = newRealised;
    }

    /**
     * Several envelopes take their amounts all or nothing (the bulk import, the per-desa allocation): if any of
     * them cannot, none takes anything and the refusal names every envelope that lacks money, with how much,
     * in the order of {@code amounts}.
     */
    public static void reserveAll(Map<Envelope, BigDecimal> amounts) {
        List<EnvelopeShortfall> shortfalls = shortfalls(amounts);
        if (!shortfalls.isEmpty()) {
            throw new PerDesaShortfallException(shortfalls);
        }
        amounts.forEach(Envelope::reserve);
    }

    /**
     * Several envelopes take their amounts where they can ("simpan yang muat saja"): an envelope that cannot
     * take its whole amount takes nothing — a kecamatan is never half served — and is returned with how much it
     * lacks, in the order of {@code amounts}.
     */
    public static List<EnvelopeShortfall> reserveWhatFits(Map<Envelope, BigDecimal> amounts) {
        List<EnvelopeShortfall> shortfalls = shortfalls(amounts);
        amounts.forEach((envelope, amount) -> {
            if (envelope.canTake(amount)) {
                envelope.reserve(amount);
            }
        });
        return shortfalls;
    }

    private static List<EnvelopeShortfall> shortfalls(Map<Envelope, BigDecimal> amounts) {
        List<EnvelopeShortfall> shortfalls = new ArrayList<>();
        amounts.forEach((envelope, amount) -> {
            if (!envelope.canTake(amount)) {
                shortfalls.add(new EnvelopeShortfall(envelope.kecamatanCode, envelope.kecamatanName, amount,
                        envelope.remaining()));
            }
        });
        return shortfalls;
    }

    /**
     * The pagu of every envelope of a year changes together: a higher one always, a lower one only if no envelope
     * already holds more than it — otherwise nothing changes and the refusal names every such kecamatan.
     */
    public static void repriceAll(List<Envelope> envelopes, BigDecimal newPagu) {
        if (newPagu.signum() <= 0) {
            throw new IllegalArgumentException("pagu must be positive");
        }
        WholeRupiah.require(newPagu);
        List<Envelope> over = envelopes.stream().filter(e -> e.allocated.compareTo(newPagu) > 0).toList();
        if (!over.isEmpty()) {
            throw new BusinessRuleException("PAGU_BELOW_ALLOCATED", "fiscalYear.paguBelowAllocated",
                    Rupiah.format(newPagu), over.size(), over.stream()
                    .map(e -> e.kecamatanName + " (" + Rupiah.format(e.allocated) + ")")
                    .collect(Collectors.joining(", ")))
                    .with("kecamatan", over.stream().map(e -> Map.<String, Object>of("kecamatanCode", e.kecamatanCode,
                            "kecamatanName", e.kecamatanName, "allocated", e.allocated)).toList());
        }
        envelopes.forEach(e -> e.pagu = newPagu);
    }

    private static void requireNotNegative(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount moved in an envelope is never negative");
        }
    }

    public int year() {
        return year;
    }

    public String kecamatanCode() {
        return kecamatanCode;
    }

    public String kecamatanName() {
        return kecamatanName;
    }

    public BigDecimal pagu() {
        return pagu;
    }

    public BigDecimal allocated() {
        return allocated;
    }

    public BigDecimal realised() {
        return realised;
    }
}
