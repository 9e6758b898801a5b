package id.go.jambiprov.dumisake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Dumisake. {@code shared} (money, the embedded database, the clock) comes along in every module test. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class DumisakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(DumisakeApplication.class, args);
    }
}
