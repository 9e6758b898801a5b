/**
 * The inbox (pemberitahuan): what a person should read — review notes, disbursements to decide or correct,
 * escalated and commented obstacles, month-end reminders — kept per person, shown in their language when read,
 * counted in the navigation, and mailed once a day when a mail server is configured. It listens to the events
 * of the capabilities it reports on; nothing depends on it but the demo data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pemberitahuan",
        allowedDependencies = {"account", "dashboard", "disbursement", "obstacle", "region", "shared"})
package id.go.jambiprov.dumisake.notification;
