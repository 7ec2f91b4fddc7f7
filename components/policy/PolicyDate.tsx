import {useFormatter} from 'next-intl';

/** A policy date (YYYY-MM-DD) as machine-readable <time> and in the reader's language. */
export function PolicyDate({date}: {date: string}) {
  const format = useFormatter();
  return (
    <time dateTime={date}>
      {format.dateTime(new Date(`${date}T00:00:00+09:00`), {dateStyle: 'long', timeZone: 'Asia/Tokyo'})}
    </time>
  );
}
