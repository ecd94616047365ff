import { useState } from 'react';
import { Button, Group, Loader, SegmentedControl, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { deleteHoliday, getWorkingHours, listHolidays, saveHoliday, saveWorkingHours, type Holiday, type WorkingHours } from '../api/calendar';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { useNotify } from '../hooks/useNotices';
import { detailText } from '../i18n/server-errors';
import { DateField } from '../components/DateField';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** "08:30-12:00, 13:00-17:30" ⇄ intervals; the server checks the times. */
const hoursText = (intervals: { start: string; end: string }[] = []) => intervals.map((i) => `${i.start}-${i.end}`).join(', ');
const parseHours = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split('-').map((s) => s.trim());
      return { start, end };
    });

/** The city's working calendar: public holidays and office hours, which every deadline counts in. */
export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const thisYear = new Date().getFullYear();
  const years = [thisYear - 1, thisYear, thisYear + 1].map(String);
  const [year, setYear] = useState(String(thisYear));
  const holidays = useLoad(() => listHolidays(Number(year)), [year]);
  const hours = useLoad(getWorkingHours, []);
  const [draft, setDraft] = useState<Holiday>({ date: '', nameTr: '', nameEn: '', halfDay: false });
  const [hoursDraft, setHoursDraft] = useState<Record<string, string> | null>(null);
  const action = useAction();

  const run = (work: () => Promise<void>, message: string) =>
    action.run(async () => {
      await work();
      notify({ message });
    });
  // A problem with one day's intervals (`body.1.0.start`, `workingHours.1.0`) stands under that day.
  const dayProblem = (day: string) => {
    const detail = action.failure instanceof ApiError ? action.failure.details.find((d) => d.field?.split('.').slice(1, 2)[0] === day) : undefined;
    return detail && detailText(detail);
  };
  const shownHours: Record<string, string> = hoursDraft ?? Object.fromEntries(DAYS.map((d) => [d, hoursText((hours.data as WorkingHours | undefined)?.[d])]));

  return (
    <>
      <PageHeader title={t('calendar.title')} />
      <Text mb="md">{t('calendar.explain')}</Text>
      <ErrorAlert error={action.failure ?? holidays.error ?? hours.error} fields={['date', 'nameTr', 'nameEn', 'start', 'end']} />

      <Title order={2} size="h3" mb="sm">
        {t('calendar.holidays')}
      </Title>
      <SegmentedControl aria-label={t('calendar.year')} data={years} value={year} onChange={setYear} mb="sm" />
      {holidays.loading && !holidays.data && <Loader aria-label={t('common.loading')} />}
      {holidays.data && (
        <Table mb="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calendar.date')}</Table.Th>
              <Table.Th>{t('calendar.name')}</Table.Th>
              <Table.Th>{t('calendar.halfDay')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holidays.data.map((h) => (
              <Table.Tr key={h.date}>
                <Table.Td>{new Date(`${h.date}T12:00:00`).toLocaleDateString(i18n.language, { weekday: 'short', day: 'numeric', month: 'long' })}</Table.Td>
                <Table.Td>{i18n.language === 'en' ? h.nameEn : h.nameTr}</Table.Td>
                <Table.Td>{h.halfDay ? t('calendar.halfDayYes') : ''}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => run(async () => { await deleteHoliday(h.date); holidays.reload(); }, t('calendar.deleted'))}>
                    {t('calendar.delete')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="end" mb="xl">
        <DateField label={t('calendar.date')} value={draft.date} onChange={(date) => setDraft({ ...draft, date })} error={action.fieldError('date')} />
        <TextInput label={t('calendar.nameTr')} value={draft.nameTr} onChange={(e) => setDraft({ ...draft, nameTr: e.currentTarget.value })} error={action.fieldError('nameTr')} />
        <TextInput label={t('calendar.nameEn')} value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })} error={action.fieldError('nameEn')} />
        <Switch label={t('calendar.halfDay')} checked={draft.halfDay} onChange={(e) => setDraft({ ...draft, halfDay: e.currentTarget.checked })} />
        <Button onClick={() => run(async () => { await saveHoliday(draft); setDraft({ date: '', nameTr: '', nameEn: '', halfDay: false }); holidays.reload(); }, t('calendar.saved'))}>
          {t('calendar.add')}
        </Button>
      </Group>

      <Title order={2} size="h3" mb="sm">
        {t('calendar.hours')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calendar.hoursHelp')}
      </Text>
      <Stack gap="xs" maw={480}>
        {DAYS.map((day) => (
          <TextInput key={day} label={t(`calendar.day${day}`)} value={shownHours[day] ?? ''} onChange={(e) => setHoursDraft({ ...shownHours, [day]: e.currentTarget.value })} error={dayProblem(day)} />
        ))}
        <Group>
          <Button
            disabled={!hoursDraft}
            onClick={() => run(async () => { await saveWorkingHours(Object.fromEntries(DAYS.map((d) => [d, parseHours(shownHours[d] ?? '')]))); setHoursDraft(null); hours.reload(); }, t('calendar.hoursSaved'))}
          >
            {t('calendar.saveHours')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
