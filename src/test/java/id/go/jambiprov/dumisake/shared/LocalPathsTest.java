package id.go.jambiprov.dumisake.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Only paths of this application, in URI characters, are addresses to send a browser back to. */
class LocalPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/catatan", "/dasbor/kecamatan/15.01.01?year=2026&sort=amount,desc",
            "/penerima?q=Siti%20Aminah"})
    void pathsOfThisApplicationAreLocal(String path) {
        assertThat(LocalPaths.isLocal(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "catatan", "//evil.example/", "/\\evil.example", "https://evil.example/",
            "/dasbor\r\nSet-Cookie: x=1", "/dasbor\n", "/dasbor?{x}", "/dasbor?q=a b"})
    void anythingElseIsNot(String path) {
        assertThat(LocalPaths.isLocal(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dumisake.jambiprov.go.id/alokasi/impor?tab=1",
            "http://10.0.0.7:8080/alokasi/impor?tab=1"})
    void aPageAddressGivesItsPathWhateverHostItNames(String address) {
        assertThat(LocalPaths.pathOf(address)).contains("/alokasi/impor?tab=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "mailto:x@evil.example", "http://a b/", "https://x//evil.example/"})
    void anAddressWithoutALocalPathGivesNone(String address) {
        assertThat(LocalPaths.pathOf(address)).isEmpty();
    }
}
