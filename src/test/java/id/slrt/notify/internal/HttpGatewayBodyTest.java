package id.slrt.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gateway request body: placeholders replaced and escaped for the content type. */
class HttpGatewayBodyTest {

    @Test
    void jsonValuesAreEscapedAndTheNumberIsOfferedInBothForms() {
        String body = HttpGatewayTransport.body("{\"a\":\"{to}\",\"b\":\"{to62}\",\"m\":\"{text}\"}", "application/json",
                "081234567890", "Kata \"kutip\" \\ dan\nbaris {to}");
        assertThat(body).isEqualTo("{\"a\":\"081234567890\",\"b\":\"6281234567890\","
                + "\"m\":\"Kata \\\"kutip\\\" \\\\ dan\\nbaris {to}\"}");
    }

    @Test
    void formBodiesAreUrlEncoded() {
        String body = HttpGatewayTransport.body("userkey=abc&nohp={to62}&pesan={text}",
                "application/x-www-form-urlencoded", "0812", "Status: selesai & cek https://x/y?code=A");
        assertThat(body).isEqualTo("userkey=abc&nohp=62812&pesan=Status%3A+selesai+%26+cek+https%3A%2F%2Fx%2Fy%3Fcode%3DA");
    }
}
