package id.go.jambiprov.dumisake.monev;

/** The status of the traffic light, from on track to behind or without last month's report. */
public enum TrafficLight {
    GREEN, YELLOW, RED
}
