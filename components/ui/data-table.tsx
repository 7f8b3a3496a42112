import type { ReactNode } from 'react';
import { formatCount, formatDollars } from './format';

/** A column of a {@link DataTable}: dollars and counts are right-aligned and formatted. */
export interface Column<R> {
  label: string;
  kind?: 'text' | 'dollars' | 'count';
  value: (row: R) => ReactNode | number;
}

/** A plain, accessible table: a caption, column headers, and the first column as each row's header. */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  captionHidden = false,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  captionHidden?: boolean;
}) {
  const cell = (column: Column<R>, row: R) => {
    const value = column.value(row);
    if (column.kind === 'dollars' && typeof value === 'number') return formatDollars(value);
    if (column.kind === 'count' && typeof value === 'number') return formatCount(value);
    return value;
  };
  const align = (column: Column<R>) =>
    column.kind === 'dollars' || column.kind === 'count' ? 'text-right' : 'text-left';
  return (
    <table className="w-full border-collapse text-left">
      <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left font-semibold'}>{caption}</caption>
      <thead>
        <tr className="border-b-2 border-gray-500">
          {columns.map((column) => (
            <th key={column.label} scope="col" className={`px-2 py-2 ${align(column)}`}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-border">
            {columns.map((column, i) =>
              i === 0 ? (
                <th key={column.label} scope="row" className={`px-2 py-2 font-normal ${align(column)}`}>
                  {cell(column, row)}
                </th>
              ) : (
                <td key={column.label} className={`px-2 py-2 tabular-nums ${align(column)}`}>
                  {cell(column, row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
