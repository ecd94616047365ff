import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Loader, MultiSelect, Pagination, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { listCategories } from '../api/categories';
import { listDistricts } from '../api/places';
import { bulkAssign, CLOSED_STATUSES, listRequests, OPEN_STATUSES, REQUEST_STATUSES, type InboxFilter, type InboxRow, type RequestStatus } from '../api/requests';
import { can, isUnitScoped } from '../api/roles';
import { listUnits } from '../api/units';
import { listAssignees } from '../api/unitWork';
import { listUsers } from '../api/users';
import { CategorySelect } from '../components/CategorySelect';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PlaceSelects } from '../components/PlaceSelects';
import { RequestStatusBadge } from '../components/RequestStatusBadge';
import { formatDateTime, isIsoDate } from '../dates';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { idOptions } from '../alphabetical';
import { useNotify } from '../hooks/useNotices';
import { useUser } from '../hooks/useSession';
import { linkProps, navigate } from '../router';
import { DateField } from '../components/DateField';

const SEARCH_DELAY_MS = 300;
const PAGE_SIZE = 50;

const SORTS = {
  'created-desc': { sort: 'created', order: 'desc', labelKey: 'inbox.sortCreatedDesc' },
  'created-asc': { sort: 'created', order: 'asc', labelKey: 'inbox.sortCreatedAsc' },
  'due-asc': { sort: 'due', order: 'asc', labelKey: 'inbox.sortDueAsc' },
  'due-desc': { sort: 'due', order: 'desc', labelKey: 'inbox.sortDueDesc' },
} as const;
type SortKey = keyof typeof SORTS;

/**
 * Which requests the inbox shows: the open ones (what the unit still owes, the default), the
 * closed ones, all, or the statuses picked one by one.
 */
const VIEWS = ['open', 'closed', 'all', 'pick'] as const;
type View = (typeof VIEWS)[number];
const VIEW_STATUSES: Record<Exclude<View, 'pick'>, readonly RequestStatus[]> = { open: OPEN_STATUSES, closed: CLOSED_STATUSES, all: [] };

/** What the server takes for a tracking number in the search (2026-0001234, 20261234). */
const TRACKING_NO = /^\d{4}-?\d{1,7}$/;

interface Filters {
  view: View;
  /** The statuses picked one by one (view 'pick'). */
  statuses: RequestStatus[];
  unitId: number | null;
  overdue: boolean;
  categoryId: number | null;
  districtId: number | null;
  neighbourhoodId: number | null;
  from: string;
  to: string;
  q: string;
  sortKey: SortKey;
  page: number;
}

const positive = (text: string | null) => (text && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null);

/** Filters from the address; anything unknown or malformed there is ignored. */
function readFilters(search: string): Filters {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  const view = params.get('view');
  const statuses = (params.get('status') ?? '').split(',').filter((s): s is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(s));
  return {
    // Statuses picked without a view (an older link) are a pick.
    view: view && (VIEWS as readonly string[]).includes(view) ? (view as View) : statuses.length ? 'pick' : 'open',
    statuses,
    unitId: positive(params.get('unit')),
    overdue: params.get('overdue') === '1',
    categoryId: positive(params.get('category')),
    districtId: positive(params.get('district')),
    neighbourhoodId: positive(params.get('neighbourhood')),
    from: isIsoDate(params.get('from') ?? '') ? params.get('from')! : '',
    to: isIsoDate(params.get('to') ?? '') ? params.get('to')! : '',
    q: params.get('q') ?? '',
    sortKey: sort && sort in SORTS ? (sort as SortKey) : 'created-desc',
    page: positive(params.get('page')) ?? 1,
  };
}

/** The address for the filters, leaving out what is at its default. */
function writeFilters(f: Filters): string {
  const params = new URLSearchParams();
  if (f.view !== 'open') params.set('view', f.view);
  if (f.view === 'pick' && f.statuses.length) params.set('status', f.statuses.join(','));
  if (f.unitId) params.set('unit', String(f.unitId));
  if (f.overdue) params.set('overdue', '1');
  if (f.categoryId) params.set('category', String(f.categoryId));
  if (f.districtId) params.set('district', String(f.districtId));
  if (f.neighbourhoodId) params.set('neighbourhood', String(f.neighbourhoodId));
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.q) params.set('q', f.q);
  if (f.sortKey !== 'created-desc') params.set('sort', f.sortKey);
  if (f.page > 1) params.set('page', String(f.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The inbox: unit staff and heads see their own unit's requests (the server scopes them). */
export default function RequestsPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const notify = useNotify();
  // The filters live in the address, so a reload, the back button or a shared link keeps them.
  const [initial] = useState(() => readFilters(window.location.search));
  const [view, setView] = useState<View>(initial.view);
  const [statuses, setStatuses] = useState<RequestStatus[]>(initial.statuses);
  const [unitId, setUnitId] = useState<number | null>(initial.unitId);
  const [overdue, setOverdue] = useState(initial.overdue);
  const [categoryId, setCategoryId] = useState<number | null>(initial.categoryId);
  const [districtId, setDistrictId] = useState<number | null>(initial.districtId);
  const [neighbourhoodId, setNeighbourhoodId] = useState<number | null>(initial.neighbourhoodId);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [search, setSearch] = useState(initial.q);
  const [query] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [sortKey, setSortKey] = useState<SortKey>(initial.sortKey);
  const [page, setPage] = useState(initial.page);
  // Selected rows, with the version the user saw (bulk assign refuses stale ones).
  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  const [assigneeId, setAssigneeId] = useState<number | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [assignError, setAssignError] = useState<Error | null>(null);

  const validFrom = isIsoDate(from) ? from : undefined;
  const validTo = isIsoDate(to) ? to : undefined;
  const { sort, order } = SORTS[sortKey];
  // A tracking number names one request: it is found whatever the view (a citizen calls about a closed one too).
  const byTrackingNo = TRACKING_NO.test(query.replace(/\s/g, ''));
  const filter: InboxFilter = {
    status: byTrackingNo ? [] : view === 'pick' ? statuses : [...VIEW_STATUSES[view]],
    unitId,
    overdue: overdue || undefined,
    categoryId,
    districtId,
    neighbourhoodId,
    from: validFrom,
    to: validTo,
    q: query || undefined,
    sort,
    order,
    page,
    pageSize: PAGE_SIZE,
  };
  const filterKey = JSON.stringify(filter);
  const requests = useLoad(() => listRequests(filter), [filterKey]);
  const address = writeFilters({ view, statuses, unitId, overdue, categoryId, districtId, neighbourhoodId, from: validFrom ?? '', to: validTo ?? '', q: query, sortKey, page });
  useEffect(() => navigate(`/requests${address}`, { replace: true }), [address]);
  const categories = useLoad(listCategories, []);
  const districts = useLoad(listDistricts, []);
  const localName = useLocalName();
  // Unit staff and heads see their own unit only: the unit filter is for everyone else.
  const unitScoped = isUnitScoped(user.role);
  const units = useLoad(() => (unitScoped ? Promise.resolve([]) : listUnits()), [unitScoped]);
  // Those who may assign pick from their unit's people (a unit head), or from every unit's people
  // (an administrator, who may list users); for the others the picker does not appear.
  const mayAssign = can(user.role, 'requests.assign');
  const people = useLoad(
    () =>
      !mayAssign
        ? Promise.resolve(null)
        : user.unitId !== null
          ? listAssignees(user.unitId).catch(() => null)
          : can(user.role, 'users.read')
            ? listUsers().then((all) => all.filter((person) => person.active && person.unitId !== null))
            : Promise.resolve(null),
    [mayAssign, user.unitId],
  );
  // Requests are assigned to people of a unit; the server refuses anyone else.
  const assignees = people.data ?? [];
  const canBulkAssign = mayAssign && assignees.length > 0;

  // Any filter change starts again at page 1 with nothing selected.
  function changed<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setPage(1);
      setSelected(new Map());
    };
  }

  const rows = requests.data?.items ?? [];
  const totalPages = requests.data ? Math.max(1, Math.ceil(requests.data.total / requests.data.pageSize)) : 1;
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  const toggle = (row: InboxRow, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(row.id, row.version);
      else next.delete(row.id);
      return next;
    });

  async function assignSelected() {
    if (assigneeId === null || selected.size === 0) return;
    setAssigning(true);
    setAssignError(null);
    try {
      const result = await bulkAssign(assigneeId, [...selected].map(([id, version]) => ({ id, version })));
      notify({ message: t('inbox.bulkAssigned', { count: result.assigned }) });
      setSelected(new Map());
      requests.reload();
    } catch (error) {
      setAssignError(error as Error);
    } finally {
      setAssigning(false);
    }
  }

  const dateError = (text: string) => (text && !isIsoDate(text) ? t('validation.date') : undefined);
  const place = (row: InboxRow) => [row.districtName, row.neighbourhoodName].filter(Boolean).join(' / ') || t('common.none');

  return (
    <>
      <PageHeader title={t('inbox.title')} />
      <Stack gap="sm" mb="md">
        <Group align="flex-start">
          <TextInput type="search" label={t('inbox.search')} placeholder={t('inbox.searchPlaceholder')} value={search} onChange={(event) => changed(setSearch)(event.currentTarget.value)} w={240} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="inbox-view-label">
              {t('inbox.view.label')}
            </Text>
            <SegmentedControl<View>
              aria-labelledby="inbox-view-label"
              data={VIEWS.map((v) => ({ value: v, label: t(`inbox.view.${v}`) }))}
              value={view}
              onChange={changed(setView)}
            />
          </Stack>
          {view === 'pick' && (
            <MultiSelect<RequestStatus>
              label={t('inbox.status')}
              placeholder={statuses.length ? undefined : t('common.all')}
              data={REQUEST_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
              value={statuses}
              onChange={changed(setStatuses)}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              w={300}
            />
          )}
          {!unitScoped && (
            <Select<number>
              label={t('inbox.unit')}
              placeholder={t('common.all')}
              data={idOptions(units.data ?? [], localName)}
              value={unitId}
              onChange={changed(setUnitId)}
              searchable
              clearable
              w={260}
            />
          )}
          <CategorySelect label={t('inbox.category')} placeholder={t('common.all')} categories={categories.data ?? []} value={categoryId} onChange={changed(setCategoryId)} w={300} />
        </Group>
        <Group align="flex-start">
          <PlaceSelects
            districts={districts.data ?? []}
            districtId={districtId}
            neighbourhoodId={neighbourhoodId}
            onDistrict={changed(setDistrictId)}
            onNeighbourhood={changed(setNeighbourhoodId)}
            districtLabel={t('newRequest.district')}
            neighbourhoodLabel={t('newRequest.neighbourhood')}
            districtPlaceholder={t('common.all')}
            neighbourhoodPlaceholder={t('common.all')}
            w={200}
          />
          <DateField label={t('inbox.from')} value={from} onChange={changed(setFrom)} clearable error={dateError(from)} w={150} />
          <DateField label={t('inbox.to')} value={to} onChange={changed(setTo)} clearable error={dateError(to)} w={150} />
          <Select<SortKey>
            label={t('inbox.sort')}
            data={Object.entries(SORTS).map(([value, s]) => ({ value: value as SortKey, label: t(s.labelKey) }))}
            value={sortKey}
            onChange={(value) => value && changed(setSortKey)(value)}
            allowDeselect={false}
            w={200}
          />
          <Switch label={t('inbox.overdue')} checked={overdue} onChange={(event) => changed(setOverdue)(event.currentTarget.checked)} mt={32} />
          {requests.loading && <Loader size="sm" mt={32} aria-label={t('common.loading')} />}
        </Group>
      </Stack>

      {canBulkAssign && (
        <Group align="flex-end" mb="md">
          <Select<number>
            label={t('inbox.bulkAssignee')}
            data={assignees.map((person) => ({ value: person.id, label: person.displayName }))}
            value={assigneeId}
            onChange={setAssigneeId}
            searchable
            w={260}
          />
          <Button onClick={() => void assignSelected()} loading={assigning} disabled={selected.size === 0 || assigneeId === null}>
            {t('inbox.bulkAssign')}
          </Button>
        </Group>
      )}

      <ErrorAlert error={requests.error ?? assignError ?? categories.error ?? districts.error} />

      {requests.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="request-total">
            {t('inbox.total', { total: requests.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={960}>
            <Table highlightOnHover data-testid="request-table">
              <Table.Thead>
                <Table.Tr>
                  {canBulkAssign && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('inbox.selectAll')}
                        checked={allSelected}
                        indeterminate={!allSelected && rows.some((row) => selected.has(row.id))}
                        onChange={(event) => {
                          const on = event.currentTarget.checked;
                          rows.forEach((row) => toggle(row, on));
                        }}
                      />
                    </Table.Th>
                  )}
                  <Table.Th>{t('inbox.trackingNo')}</Table.Th>
                  <Table.Th miw={140}>{t('inbox.status')}</Table.Th>
                  <Table.Th>{t('inbox.category')}</Table.Th>
                  <Table.Th>{t('inbox.place')}</Table.Th>
                  <Table.Th>{t('inbox.assignee')}</Table.Th>
                  <Table.Th>{t('inbox.due')}</Table.Th>
                  <Table.Th>{t('inbox.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id} data-testid="request-row" data-tracking-no={row.trackingNo}>
                    {canBulkAssign && (
                      <Table.Td>
                        <Checkbox aria-label={t('inbox.select', { trackingNo: row.trackingNo })} checked={selected.has(row.id)} onChange={(event) => toggle(row, event.currentTarget.checked)} />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Anchor {...linkProps(`/requests/${row.id}`)} fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {row.trackingNo}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1} maw={260}>
                        {row.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RequestStatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td>{row.categoryName}</Table.Td>
                    <Table.Td>{place(row)}</Table.Td>
                    <Table.Td>{row.assigneeName ?? <Text c="dimmed" size="sm">{t('inbox.unassigned')}</Text>}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{formatDateTime(row.dueAt, i18n.language)}</Text>
                        {row.overdue && (
                          <Badge color="red" variant="filled" size="sm">
                            {t('inbox.overdueBadge')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatDateTime(row.createdAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {rows.length === 0 && (
              <Text c="dimmed" ta="center" py="lg">
                {t('inbox.empty')}
              </Text>
            )}
          </Table.ScrollContainer>
          {totalPages > 1 && <Pagination mt="md" total={totalPages} value={page} onChange={(next) => { setPage(next); setSelected(new Map()); }} />}
        </>
      )}
    </>
  );
}
