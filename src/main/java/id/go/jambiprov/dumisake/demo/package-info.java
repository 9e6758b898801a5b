/**
 * The data of a non-production start: the demo logins and a realistic year of activity, written through the
 * capabilities' own APIs as the people it names, so checked, totalled and audited like their work; and the
 * scale generator of the benchmarks ({@code scale}), set-based SQL for speed. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data demo",
        allowedDependencies = {"account", "allocation", "beneficiary", "disbursement", "notification", "obstacle", "opd",
                "photo", "programme", "progress", "region", "shared"})
package id.go.jambiprov.dumisake.demo;
