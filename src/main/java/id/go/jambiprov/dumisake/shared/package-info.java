/**
 * Cross-cutting pieces every capability uses: money, the embedded database, problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.go.jambiprov.dumisake.shared;
