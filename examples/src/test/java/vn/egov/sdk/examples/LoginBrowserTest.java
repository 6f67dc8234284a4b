package vn.egov.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.egov.sdk.payment.testsupport.HeadlessChromium;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.SsoTestUser;

/**
 * The {@link Login} example driven through the simulator's real login page in headless Chromium: open the
 * application, click "Log in with the national SSO", pick the VNeID level-2 citizen on the provider's page, consent,
 * land on {@code /me} with the typed identity; and "Deny", which the application shows as the provider's
 * {@code access_denied}. Skipped, saying what is missing, where chromium or chromedriver is not installed.
 */
class LoginBrowserTest {
    @RegisterExtension
    static final HeadlessChromium BROWSER = new HeadlessChromium();

    private static NationalSandbox sandbox;
    private static Login.Running login;

    @BeforeAll
    static void startTheExample() {
        sandbox = NationalSandbox.start();
        login = Login.start(sandbox, 0, false);
    }

    @AfterAll
    static void stop() {
        if (login != null) {
            login.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void freshBrowser() {
        WebDriver driver = BROWSER.driver();
        driver.get(login.url().toString());
        driver.manage().deleteAllCookies();
    }

    @Test
    void aCitizenLogsInOnTheProvidersPageAndSeesTheTypedIdentity() {
        WebDriver driver = BROWSER.driver();
        driver.get(login.url().toString());
        BROWSER.awaitElement(By.id("login")).click();

        String key = SsoTestUser.CITIZEN_VNEID_IAL2.key();
        BROWSER.awaitElement(By.id("user-" + key));
        assertTrue(driver.getCurrentUrl().startsWith(sandbox.sso().issuer() + "/oauth2/authorize"),
                driver.getCurrentUrl());
        assertEquals(Login.CLIENT_ID, driver.findElement(By.id("client-id")).getText());
        assertTrue(driver.findElement(By.id("consent")).isSelected(), "consent is ticked by default");
        driver.findElement(By.id("user-" + key)).click();

        BROWSER.awaitElement(By.id("identity"));
        assertEquals(login.url().resolve("/me").toString(), driver.getCurrentUrl());
        assertEquals("CITIZEN (1)", driver.findElement(By.id("account-type")).getText());
        assertEquals("IAL2", driver.findElement(By.id("ial")).getText());
        assertEquals(SsoTestUser.CITIZEN_VNEID_IAL2.fullName(), driver.findElement(By.id("full-name")).getText());
        assertEquals("TechID:" + SsoTestUser.CITIZEN_VNEID_IAL2.claims().get("TechID"),
                driver.findElement(By.id("account-key")).getText());
        assertEquals("SIGNATURE", driver.findElement(By.id("verification")).getText());
        String id = SsoTestUser.CITIZEN_VNEID_IAL2.claims().get("SoDinhDanh").toString();
        String shown = driver.findElement(By.id("personal-id")).getText();
        assertTrue(shown.endsWith(id.substring(id.length() - 3)) && !shown.contains(id), shown);
        assertFalse(driver.getPageSource().contains(id), "the ID number is nowhere on the page");

        driver.findElement(By.id("logout")).click();
        BROWSER.awaitElement(By.id("login"));
        driver.get(login.url().resolve("/me").toString());
        BROWSER.await(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        assertEquals(login.url().toString(), driver.getCurrentUrl(), "logged out: /me sends back to /");
    }

    @Test
    void denyOnTheProvidersPageIsShownAsTheProvidersAccessDenied() {
        WebDriver driver = BROWSER.driver();
        driver.get(login.url().toString());
        BROWSER.awaitElement(By.id("login")).click();
        BROWSER.awaitElement(By.id("deny")).click();

        BROWSER.awaitElement(By.id("login-failed"));
        assertTrue(driver.getCurrentUrl().startsWith(login.url().resolve("/callback").toString()),
                driver.getCurrentUrl());
        assertEquals("access_denied", driver.findElement(By.id("provider-error")).getText());
        assertEquals("LoginProviderException", driver.findElement(By.id("error-type")).getText());
        assertEquals("COUNTERPARTY", driver.findElement(By.id("fault")).getText());
    }
}
