import {getFormatter} from 'next-intl/server';

/** A policy date (YYYY-MM-DD) as machine-readable <time> and in the reader's language. */
export async function PolicyDate({date}: {date: string}) {
  const format = await getFormatter();
  return (
    <time dateTime={date}>
      {format.dateTime(new Date(`${date}T00:00:00+09:00`), {dateStyle: 'long', timeZone: 'Asia/Tokyo'})}
    </time>
  );
}
