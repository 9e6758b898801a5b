package id.go.jambiprov.dumisake.targeting;

import id.go.jambiprov.dumisake.targeting.domain.Ratio;

import java.math.BigDecimal;
import java.util.List;

/**
 * The aid of one programme, OPD or kabupaten/kota by welfare decile: {@code deciles} holds deciles 1 to 10 and
 * then "tanpa desil", each present (zero when nobody).
 */
public record DecileGroup(String code, String name, List<DecileShare> deciles) {

    public BigDecimal amount() {
        return deciles.stream().map(DecileShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public long people() {
        return deciles.stream().mapToLong(DecileShare::people).sum();
    }

    /** The part of the rupiah that reached deciles 1 to {@code upTo}, in percent; null without aid. */
    public BigDecimal amountShareUpTo(int upTo) {
        return Ratio.percent(deciles.stream().filter(d -> d.decile() != null && d.decile() <= upTo)
                .map(DecileShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add), amount());
    }

    /** The part of the people who are in deciles 1 to {@code upTo}, in percent; null without aid. */
    public BigDecimal peopleShareUpTo(int upTo) {
        return Ratio.percent(BigDecimal.valueOf(deciles.stream().filter(d -> d.decile() != null && d.decile() <= upTo)
                .mapToLong(DecileShare::people).sum()), BigDecimal.valueOf(people()));
    }
}
