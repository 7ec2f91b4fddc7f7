/**
 * Data for the consent island, as a JSON block the browser never executes (no CSP hash needed).
 * "<" is escaped so that no value can close the element.
 */
export function JsonScript({value, ...data}: {value: unknown} & Record<`data-${string}`, string>) {
  return (
    <script
      type="application/json"
      {...data}
      dangerouslySetInnerHTML={{__html: JSON.stringify(value).replace(/</g, '\\u003c')}}
    />
  );
}
