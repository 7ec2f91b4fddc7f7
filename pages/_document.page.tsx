import Document, {Head, Html, Main, NextScript} from 'next/document';
import {Consent} from '@/components/consent/Consent';
import {SiteFooter} from '@/components/layout/SiteFooter';
import {SiteHeader} from '@/components/layout/SiteHeader';
import {PageHead} from '@/components/page/PageHead';
import {Intl, type StaticPageProps} from '@/components/page/render';
import {routing} from '@/i18n/routing';
import {bootScript} from '@/lib/consent/boot';
import {islandSrc, siteCss} from '@/lib/assets';
import {consentSchedule, GTAG_ID, REGISTRY_FINGERPRINT} from '@/lib/consent/server';

/**
 * Every public page's document, rendered once at build (the pages ship no framework runtime): one
 * inline script in <head>, the boot script, which marks <html> before first paint and loads the
 * consent island, the one script file, once the page is painted; the site's CSS inlined (allowed by
 * its hash); the layout around the page's content.
 */
export default class SiteDocument extends Document {
  render() {
    const {locale = routing.defaultLocale, head} = this.props.__NEXT_DATA__.props.pageProps as Partial<StaticPageProps>;
    return (
      <Html lang={locale}>
        <Head>
          <meta name="color-scheme" content="light dark" />
          <meta name="theme-color" media="(prefers-color-scheme: light)" content="#ffffff" />
          <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#16181d" />
          <link rel="icon" href="/icon.svg" type="image/svg+xml" />
          {head ? <PageHead head={head} /> : null}
          <script
            dangerouslySetInnerHTML={{
              __html: bootScript(consentSchedule(), REGISTRY_FINGERPRINT, GTAG_ID !== '', islandSrc()),
            }}
          />
          <style dangerouslySetInnerHTML={{__html: siteCss()}} />
        </Head>
        <body>
          <Intl locale={locale}>
            <SiteHeader locale={locale} />
            {/* First in reading and focus order, shown at the bottom of the screen (CSS order). */}
            <Consent locale={locale} />
          </Intl>
          <main id="main" tabIndex={-1}>
            <Main />
          </main>
          <Intl locale={locale}>
            <SiteFooter />
          </Intl>
          <NextScript />
        </body>
      </Html>
    );
  }
}
