/**
 * A percentage as typed (`7,5`, `7.5 %`, `10`) read into the API's form (`7.5`): 0–100, at most
 * two decimals. Undefined when it is not one.
 */
export function parsePercentInput(text: string): string | undefined {
  const value = text.replace(/\s|%/g, '').replace(',', '.');
  if (!/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/.test(value)) return undefined;
  return value.replace(/^0+(?=\d)/, '');
}
