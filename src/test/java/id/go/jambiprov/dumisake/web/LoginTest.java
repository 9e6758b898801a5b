package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Logging in with the demo accounts stored in PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
class LoginTest {

    @Autowired
    MockMvc mvc;

    @Test
    void demoAccountsOfEachRoleLogIn() throws Exception {
        for (String username : new String[]{"admin", "ahli", "op-disdik", "op-dinkes", "op-biro-kesra"}) {
            mvc.perform(formLogin().user(username).password("dumisake"))
                    .andExpect(authenticated().withUsername(username))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameIndonesianMessage() throws Exception {
        mvc.perform(formLogin().user("admin").password("salah"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("tidak-ada").password("salah"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Nama pengguna atau kata sandi salah.")))
                .andExpect(content().string(not(containsString("tidak ditemukan"))))
                .andExpect(content().string(not(containsString("tidak-ada"))));
    }

    @Test
    void scriptsUseHttpBasic() throws Exception {
        mvc.perform(get("/api/v1/regions/kecamatan").param("kabupatenKota", "15.01")
                        .with(httpBasic("ahli", "dumisake")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(18))
                .andExpect(jsonPath("$[0].code").value("15.01.01"))
                .andExpect(jsonPath("$[0].kabupatenKotaCode").value("15.01"));
        mvc.perform(get("/api/v1/regions/kabupaten-kota").with(httpBasic("ahli", "salah")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApiAnswersUnknownCodesWithProblemJson() throws Exception {
        mvc.perform(get("/api/v1/regions/desa").param("kecamatan", "15.99.99").with(httpBasic("admin", "dumisake")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Wilayah dengan kode 15.99.99 tidak ditemukan."));
        mvc.perform(get("/api/v1/regions/desa").param("kecamatan", "15.01.01").with(httpBasic("admin", "dumisake")))
                .andExpect(jsonPath("$.length()").value(12))
                .andExpect(jsonPath("$[0].kecamatanCode").value("15.01.01"));
        mvc.perform(get("/api/v1/regions/kabupaten-kota").with(httpBasic("admin", "dumisake")))
                .andExpect(jsonPath("$.length()").value(11));
        mvc.perform(get("/v3/api-docs").with(httpBasic("admin", "dumisake")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/opd']").exists());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsOpenForTheLoadBalancer() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
