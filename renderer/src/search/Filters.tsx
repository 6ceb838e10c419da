import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetValue } from '../../../electron/api/contract';
import type { SearchFilters } from '../../../electron/core/model';
import { useFacets } from '../library/useFacets';
import { useSearch } from './SearchContext';
import { hasFilters } from './state';

type FacetKey = 'type' | 'issuer' | 'source' | 'tag' | 'collection';

function FacetSelect({
  label,
  values,
  value,
  onChange,
}: {
  label: string;
  values: FacetValue[];
  value: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filters.any')}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.value} ({v.count})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Date range, type, issuer, source, tag and collection filters; documents in force on a day. */
export function Filters({ id }: { id: string }) {
  const { t } = useTranslation();
  const { facets } = useFacets();
  const search = useSearch();
  const fromId = useId();
  const toId = useId();
  const inForceId = useId();
  const set = (patch: SearchFilters) => search.setFilters({ ...search.filters, ...patch });
  const facet = (key: FacetKey, values: FacetValue[]) => (
    <FacetSelect
      label={t(`filters.${key}`)}
      values={values}
      value={search.filters[key]}
      onChange={(v) => set({ [key]: v })}
    />
  );

  return (
    <fieldset className="filters" id={id}>
      <legend className="visually-hidden">{t('filters.legend')}</legend>
      <div className="field">
        <label htmlFor={fromId}>{t('filters.from')}</label>
        <input
          id={fromId}
          type="date"
          value={search.filters.from ?? ''}
          max={search.filters.to || undefined}
          onChange={(e) => set({ from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={toId}>{t('filters.to')}</label>
        <input
          id={toId}
          type="date"
          value={search.filters.to ?? ''}
          min={search.filters.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </div>
      {facet('type', facets.types)}
      {facet('issuer', facets.issuers)}
      {facet('source', facets.sources)}
      {facet('tag', facets.tags)}
      {facet('collection', facets.collections)}
      <div className="field">
        <label htmlFor={inForceId}>{t('relations.inForce')}</label>
        <input
          id={inForceId}
          type="date"
          value={search.filters.inForce ?? ''}
          onChange={(e) => set({ inForce: e.target.value })}
        />
      </div>
      {hasFilters(search.filters) && (
        <button type="button" className="button-link" onClick={() => search.setFilters({})}>
          {t('filters.clear')}
        </button>
      )}
    </fieldset>
  );
}

/** Relevance or date order for the results. */
export function SortSelect() {
  const { t } = useTranslation();
  const search = useSearch();
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('filters.sort')}</label>
      <select
        id={id}
        value={search.sort}
        onChange={(e) => search.setSort(e.target.value as 'relevance' | 'date')}
      >
        <option value="relevance">{t('filters.sortRelevance')}</option>
        <option value="date">{t('filters.sortDate')}</option>
      </select>
    </div>
  );
}
