import '@/app/globals.css';
import '@/components/consent/consent.css';
import type {AppProps} from 'next/app';

export default function App({Component, pageProps}: AppProps) {
  return <Component {...pageProps} />;
}
