import { useState } from 'react';
import { Badge, Button, Grid, Group, Modal, Paper, Select, Stack, Switch, Table, Tabs, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { listCategories } from '../api/categories';
import { createArticle, searchArticles, updateArticle, type Article, type ArticleInput } from '../api/knowledgeBase';
import { listUnits } from '../api/units';
import { ArticleBody } from '../components/ArticleBody';
import { CategorySelect } from '../components/CategorySelect';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormButtons } from '../components/FormButtons';
import { PageHeader } from '../components/PageHeader';
import { isIsoDate } from '../dates';
import { useForm, type FieldErrors } from '../hooks/useForm';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { useNotify } from '../hooks/useNotices';
import { useUser } from '../hooks/useSession';
import { DateField } from '../components/DateField';
import { counted } from '../components/CharacterCount';

type Values = Omit<ArticleInput, 'validFrom' | 'validUntil' | 'titleEn' | 'bodyEn'> & { validFrom: string; validUntil: string; titleEn: string; bodyEn: string };

const blank: Values = { titleTr: '', titleEn: '', bodyTr: '', bodyEn: '', categoryId: null, unitId: null, tags: [], validFrom: '', validUntil: '', active: true };

/** The knowledge base agents answer from: every article, active or not, with how often it answered a caller. */
export default function KnowledgeBasePage() {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const [query, setQuery] = useState('');
  const [typed] = useDebouncedValue(query.trim(), 250);
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const articles = useLoad(() => searchArticles({ q: typed || undefined, includeInactive: true, limit: 100 }), [typed]);
  const categories = useLoad(listCategories, []);
  const units = useLoad(listUnits, []);
  const categoryName = (id: number | null) => {
    const c = categories.data?.find((x) => x.id === id);
    return c ? localName(c) : '—';
  };
  const unitName = (id: number | null) => {
    const u = units.data?.find((x) => x.id === id);
    return u ? localName(u) : '—';
  };

  return (
    <>
      <PageHeader title={t('kb.title')} action={<Button onClick={() => setEditing('new')}>{t('kb.new')}</Button>} />
      <TextInput label={t('kb.search')} placeholder={t('kb.searchPlaceholder')} value={query} onChange={(event) => setQuery(event.currentTarget.value)} maw={480} mb="md" type="search" />
      <ErrorAlert error={articles.error ?? categories.error ?? units.error} />
      <Table striped highlightOnHover withTableBorder data-testid="kb-articles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('kb.titleTr')}</Table.Th>
            <Table.Th>{t('kb.category')}</Table.Th>
            <Table.Th>{t('kb.unit')}</Table.Th>
            <Table.Th>{t('kb.tags')}</Table.Th>
            <Table.Th>{t('kb.validity')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th ta="right">{t('kb.useCount')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(articles.data ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Text fw={500}>{i18n.language === 'en' && a.titleEn ? a.titleEn : a.titleTr}</Text>
              </Table.Td>
              <Table.Td>{categoryName(a.categoryId)}</Table.Td>
              <Table.Td>{unitName(a.unitId)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {a.tags.map((tag) => (
                    <Badge key={tag} size="xs" variant="light">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{a.validFrom || a.validUntil ? `${a.validFrom ?? '…'} – ${a.validUntil ?? '…'}` : t('kb.always')}</Table.Td>
              <Table.Td>
                <Badge color={a.active ? 'teal' : 'gray'} variant="light">
                  {a.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" data-testid="kb-use-count">
                {a.useCount}
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => setEditing(a)} aria-label={t('kb.editArticle', { title: a.titleTr })}>
                  {t('common.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
          {articles.data?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text c="dimmed">{t('kb.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {editing && (
        <ArticleEditor
          article={editing === 'new' ? null : editing}
          categories={categories.data ?? []}
          units={(units.data ?? []).map((u) => ({ value: String(u.id), label: localName(u) }))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            articles.reload();
          }}
        />
      )}
    </>
  );
}

function ArticleEditor(props: {
  article: Article | null;
  categories: Awaited<ReturnType<typeof listCategories>>;
  units: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const a = props.article;
  // Unit heads write their own unit's articles only (the server refuses the rest).
  const user = useUser();
  const ownUnit = user.role === 'unit_head' ? user.unitId : null;
  const form = useForm<Values>(
    a ? { titleTr: a.titleTr, titleEn: a.titleEn ?? '', bodyTr: a.bodyTr, bodyEn: a.bodyEn ?? '', categoryId: a.categoryId, unitId: a.unitId, tags: a.tags, validFrom: a.validFrom ?? '', validUntil: a.validUntil ?? '', active: a.active } : { ...blank, unitId: ownUnit },
  );
  const { values, errors } = form;
  const [language, setLanguage] = useState<'tr' | 'en'>('tr');

  const validate = (v: Values): FieldErrors<Values> => ({
    titleTr: v.titleTr.trim().length >= 3 ? undefined : t('kb.titleTooShort'),
    bodyTr: v.bodyTr.trim() ? undefined : t('validation.required'),
    validFrom: !v.validFrom || isIsoDate(v.validFrom) ? undefined : t('kb.dateFormat'),
    validUntil: !v.validUntil || isIsoDate(v.validUntil) ? (v.validFrom && v.validUntil && v.validUntil < v.validFrom ? t('kb.untilBeforeFrom') : undefined) : t('kb.dateFormat'),
  });

  const save = async (v: Values) => {
    const input: ArticleInput = {
      titleTr: v.titleTr.trim(),
      titleEn: v.titleEn.trim() || null,
      bodyTr: v.bodyTr.trim(),
      bodyEn: v.bodyEn.trim() || null,
      categoryId: v.categoryId,
      unitId: v.unitId,
      tags: v.tags,
      validFrom: v.validFrom || null,
      validUntil: v.validUntil || null,
      active: v.active,
    };
    if (a) await updateArticle(a.id, input);
    else await createArticle(input);
    notify({ message: t('kb.saved') });
    props.onSaved();
  };

  const title = language === 'en' ? values.titleEn || values.titleTr : values.titleTr;
  const body = language === 'en' ? values.bodyEn || values.bodyTr : values.bodyTr;

  return (
    <Modal opened onClose={props.onClose} title={a ? t('kb.edit') : t('kb.new')} size="90%">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit(validate, save);
        }}
      >
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              <Tabs value={language} onChange={(v) => setLanguage(v === 'en' ? 'en' : 'tr')}>
                <Tabs.List>
                  <Tabs.Tab value="tr">Türkçe</Tabs.Tab>
                  <Tabs.Tab value="en">English</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="tr" pt="sm">
                  <Stack gap="sm">
                    <TextInput label={t('kb.titleTr')} required {...counted(values.titleTr, 300)} value={values.titleTr} onChange={(event) => form.set('titleTr', event.currentTarget.value)} error={errors.titleTr} data-autofocus />
                    <Textarea label={t('kb.bodyTr')} required autosize minRows={8} {...counted(values.bodyTr, 20000)} value={values.bodyTr} onChange={(event) => form.set('bodyTr', event.currentTarget.value)} error={errors.bodyTr} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="en" pt="sm">
                  <Stack gap="sm">
                    <TextInput label={t('kb.titleEn')} {...counted(values.titleEn, 300)} value={values.titleEn} onChange={(event) => form.set('titleEn', event.currentTarget.value)} error={errors.titleEn} />
                    <Textarea label={t('kb.bodyEn')} autosize minRows={8} {...counted(values.bodyEn, 20000)} value={values.bodyEn} onChange={(event) => form.set('bodyEn', event.currentTarget.value)} error={errors.bodyEn} />
                  </Stack>
                </Tabs.Panel>
              </Tabs>
              <Group grow>
                <CategorySelect label={t('kb.category')} categories={props.categories} value={values.categoryId} onChange={(id) => form.set('categoryId', id)} error={errors.categoryId} />
                <Select label={t('kb.unit')} data={props.units} value={values.unitId === null ? null : String(values.unitId)} onChange={(id) => form.set('unitId', id ? Number(id) : null)} searchable clearable={ownUnit === null} disabled={ownUnit !== null} error={errors.unitId} />
              </Group>
              <TagsInput label={t('kb.tags')} description={t('kb.tagsHint')} value={values.tags} onChange={(tags) => form.set('tags', tags)} maxTags={30} error={errors.tags} />
              <Group grow>
                <DateField label={t('kb.validFrom')} value={values.validFrom} onChange={(day) => form.set('validFrom', day)} clearable error={errors.validFrom} />
                <DateField label={t('kb.validUntil')} value={values.validUntil} onChange={(day) => form.set('validUntil', day)} clearable error={errors.validUntil} />
              </Group>
              <Switch label={t('kb.activeLabel')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Text size="sm" c="dimmed" mb={4}>
              {t('kb.preview', { language: language === 'en' ? 'English' : 'Türkçe' })}
            </Text>
            <Paper withBorder p="md" radius="md" data-testid="kb-preview">
              <Title order={2} size="h3">
                {title || t('kb.untitled')}
              </Title>
              <Group gap={4} my="xs">
                {values.tags.map((tag) => (
                  <Badge key={tag} size="sm" variant="light">
                    {tag}
                  </Badge>
                ))}
              </Group>
              <ArticleBody text={body} />
            </Paper>
          </Grid.Col>
        </Grid>
        <ErrorAlert error={form.failure} />
        <FormButtons busy={form.busy} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}
