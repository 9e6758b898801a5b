package id.go.jambiprov.dumisake.demo.scale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --dumisake.demo.scale=jambi-5y} or {@code national}: fills the database with synthetic data at that
 * scale once the demo data runners are done, then the application runs normally — or, with
 * {@code --dumisake.demo.scale-exit=true}, stops (exit status 0) so that a script can generate first and
 * measure on a fresh JVM later. A database that holds a completed run of the same scale is left as it is,
 * so the property may stay on the command line; any other refusal (prod, years present from a partial
 * or different run) stops the start. It runs after the last demo runner: those pick their allocations from all of a
 * year's, and would take the synthetic ones (with their reports) for demo ones.
 */
@Component
@ConditionalOnProperty("dumisake.demo.scale")
@Order(90)
class ScaleDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScaleDataRunner.class);

    private final ScaleDataGenerator generator;
    private final ConfigurableApplicationContext context;
    private final String scale;
    private final boolean exitAfterwards;

    ScaleDataRunner(ScaleDataGenerator generator, ConfigurableApplicationContext context,
                    @Value("${dumisake.demo.scale}") String scale,
                    @Value("${dumisake.demo.scale-exit:false}") boolean exitAfterwards) {
        this.generator = generator;
        this.context = context;
        this.scale = scale;
        this.exitAfterwards = exitAfterwards;
    }

    @Override
    public void run(ApplicationArguments args) {
        ScaleShape shape = DemoScale.of(scale).shape();
        if (generator.generated(shape)) {
            log.info("Scale data {}: generated before on this database; nothing to do", shape.name());
        } else {
            generator.generate(shape);
            generator.vacuumAnalyze();
        }
        if (exitAfterwards) {
            log.info("Scale data {}: stopping, as dumisake.demo.scale-exit asks", shape.name());
            System.exit(SpringApplication.exit(context));
        }
    }
}
