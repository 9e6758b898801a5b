package id.go.jambiprov.dumisake.beneficiary.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many exact NIK searches one account may make: enough for an operator checking the people in front of
 * them before recording aid, far too few to try the NIKs a masked one leaves open.
 *
 * @param maxPerAccount searches one account may make…
 * @param window        …within this long
 */
@ConfigurationProperties("dumisake.nik-search")
public record NikSearchSettings(
        @DefaultValue("30") int maxPerAccount,
        @DefaultValue("10m") Duration window) {
}
