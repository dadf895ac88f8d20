package org.perinatalequity.security.ui;

import org.perinatalequity.security.LoginPage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the UI filter chain which view signs users in (see security.LoginPage). */
@Configuration(proxyBeanMethods = false)
class LoginPageConfiguration {

    @Bean
    LoginPage loginPage() {
        return new LoginPage(LoginView.class, LoginView.ROUTE);
    }
}
