import '@/app/globals.css';

// Reached only for requests the proxy does not localise; the localized 404 is app/[locale]/not-found.tsx.
// Plain links: next/link would add its client code to every page's bundle for this one page.
export default function RootNotFound() {
  return (
    <html lang="ja">
      <head>
        <title>ページが見つかりません / Page not found</title>
      </head>
      <body>
        <main id="main" className="not-found">
          <h1>ページが見つかりません / Page not found</h1>
          <p>
            <a href="/privacy">プライバシーポリシー</a> · <a href="/en/privacy">Privacy Policy</a>
          </p>
        </main>
      </body>
    </html>
  );
}
