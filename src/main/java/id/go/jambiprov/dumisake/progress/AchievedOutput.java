package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;

/** What a report says was reached of one output indicator. */
public record AchievedOutput(long outputId, BigDecimal achieved) {
}
