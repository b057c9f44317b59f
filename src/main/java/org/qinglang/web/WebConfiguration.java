package org.qinglang.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Pages speak the visitor's language: the one chosen with ?lang= (kept in a cookie), else the
 * browser's (Accept-Language) if it is Chinese or English, else Chinese.
 */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("qinglang-lang");
        // Without a choice of the visitor's: the browser's language, English when it asks for English
        // before Chinese, Chinese otherwise.
        resolver.setDefaultLocaleFunction(request -> org.qinglang.common.ReaderLanguage.firstChineseOrEnglish(request,
                Locale.SIMPLIFIED_CHINESE));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** Tasklist and Cockpit read names, labels and values in the language they show the user. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<WebappsInTheReadersLanguage> webappsInTheReadersLanguage(
            org.qinglang.workflow.ModelTexts models, org.qinglang.common.BilingualTexts values,
            org.qinglang.common.Labels labels) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new WebappsInTheReadersLanguage(models, values, labels));
        registration.setName("qinglang-webapps-in-the-readers-language");
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setOrder(30);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
