/**
 * Is Dumisake reaching the poor: the official poverty figures (BPS, March) next to the programme's money per
 * kabupaten/kota, the welfare deciles of the people who received direct aid, the poorest people of a desa
 * left out, and the trend over the years. Read only; others use
 * {@link id.go.jambiprov.dumisake.targeting.Targeting}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sasaran kemiskinan",
        allowedDependencies = {"account", "beneficiary", "region", "shared"})
package id.go.jambiprov.dumisake.targeting;
