import '@/app/globals.css';
import Link from 'next/link';

// Reached only for requests the proxy does not localise; the localized 404 is app/[locale]/not-found.tsx.
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
            <Link href="/privacy">プライバシーポリシー</Link> · <Link href="/en/privacy">Privacy Policy</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
