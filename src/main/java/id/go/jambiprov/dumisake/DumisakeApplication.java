package id.go.jambiprov.dumisake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DumisakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(DumisakeApplication.class, args);
    }
}
