import type {ReactNode} from 'react';

// The floor for `npm run bench`: a bare Next page of the same Next version with the same policy
// text — no i18n, no banner, no table of contents, no CSP, no proxy. Every feature of the site is
// measured against it (README "Performance").
export const metadata = {title: 'プライバシーポリシー'};

export default function RootLayout({children}: {children: ReactNode}) {
  return (
    <html lang="ja">
      <body>{children}</body>
    </html>
  );
}
