/**
 * The start pages of the three roles. It sits on top of the capabilities whose figures it shows, so that
 * the web shell below them depends on none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Beranda",
        allowedDependencies = {"account", "allocation", "opd", "programme", "region"})
package id.go.jambiprov.dumisake.home;
