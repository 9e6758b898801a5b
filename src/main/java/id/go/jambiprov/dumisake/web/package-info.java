/**
 * The web shell: layout, error pages, security, request filters. Below every capability: it knows only
 * who is signed in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kerangka web", allowedDependencies = {"account", "shared"})
package id.go.jambiprov.dumisake.web;
