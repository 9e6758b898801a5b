package id.go.jambiprov.dumisake.shared.db;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Fills the regions and agencies from the CSV files under {@code jambi/} in the resources (see SOURCES.md there).
 * The CSV files stay the single source; the checksum covers them so a changed file fails validation.
 */
@Component
class JambiMasterDataMigration implements JavaMigration {

    private static final String DIR = "jambi/";

    private static final List<Table> TABLES = List.of(
            new Table("kabupaten_kota.csv",
                    "INSERT INTO kabupaten_kota (code, name, type) VALUES (?, ?, ?)",
                    List.of("code", "name", "type")),
            new Table("kecamatan.csv",
                    "INSERT INTO kecamatan (code, kabupaten_kota_code, name) VALUES (?, ?, ?)",
                    List.of("code", "kabupaten_kota_code", "name")),
            new Table("desa.csv",
                    "INSERT INTO desa (code, kecamatan_code, name, type) VALUES (?, ?, ?, ?)",
                    List.of("code", "kecamatan_code", "name", "type")),
            new Table("opd.csv",
                    "INSERT INTO opd (code, name, opd_type, dumisake_role, source_urls) VALUES (?, ?, ?, ?, ?)",
                    List.of("code", "name", "opd_type", "dumisake_role", "source_urls")));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "Jambi master data";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        for (Table table : TABLES) {
            try (InputStream in = open(table.file())) {
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (Table table : TABLES) {
            load(connection, table);
        }
    }

    private static void load(Connection connection, Table table) throws IOException, SQLException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(open(table.file()), StandardCharsets.UTF_8);
             PreparedStatement insert = connection.prepareStatement(table.insert())) {
            for (CSVRecord row : format.parse(reader)) {
                for (int i = 0; i < table.columns().size(); i++) {
                    String value = row.get(table.columns().get(i)).strip();
                    insert.setString(i + 1, value.isEmpty() ? null : value);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static InputStream open(String file) throws IOException {
        return new ClassPathResource(DIR + file).getInputStream();
    }

    private record Table(String file, String insert, List<String> columns) {
    }
}
