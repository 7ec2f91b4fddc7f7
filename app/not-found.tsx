import '@/app/globals.css';

// Reached only for requests the proxy does not localise; the localized 404 is app/[locale]/not-found.tsx.
export default function RootNotFound() {
  return (
    <html lang="ja">
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
