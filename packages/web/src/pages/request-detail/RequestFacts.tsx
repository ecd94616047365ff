import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestType } from '../../api/requestTypes';
import { formatDateTime } from '../../dates';
import { useLocalName } from '../../hooks/useLocalName';
import { linkProps } from '../../router';
import type { Shown } from '../RequestDetailPage';
import { Field } from './Section';

/** How the unit was chosen, as the server records it (requests.routed_by). */
const ROUTED_BY = ['rule', 'category_default', 'triage', 'transfer', 'import'] as const;
type RoutedBy = (typeof ROUTED_BY)[number];
const isRoutedBy = (value: string): value is RoutedBy => (ROUTED_BY as readonly string[]).includes(value);

/** What the request is about, where, who works it, by when; the citizen's words and the answer. */
export function RequestFacts({ request, requestType }: { request: Shown<'facts'>; requestType: RequestType | undefined }) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const place = [request.districtName, request.neighbourhoodName].filter(Boolean).join(' / ');
  const routedBy = isRoutedBy(request.routedBy) ? t(`detail.routedBy.${request.routedBy}`) : request.routedBy;
  const routing = request.routingRuleId === null ? routedBy : `${routedBy} · ${t('detail.routedByRule', { id: request.routingRuleId })}`;
  const located = request.latitude !== null && request.longitude !== null;

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label={t('detail.category')}>{i18n.language === 'en' ? request.categoryNameEn : request.categoryName}</Field>
        <Field label={t('detail.type')}>{requestType ? localName(requestType) : request.requestType}</Field>
        <Field label={t('detail.channel')}>{t(`channel.${request.channel}`)}</Field>
        <Field label={t('detail.unit')}>{request.unitName}</Field>
        <Field label={t('detail.routing')}>
          <Text size="sm" data-testid="request-routing">
            {routing}
          </Text>
        </Field>
        <Field label={t('detail.assignee')}>{request.assigneeName ?? t('inbox.unassigned')}</Field>
        <Field label={t('detail.place')}>{place || t('common.none')}</Field>
        {request.address && <Field label={t('detail.address')}>{request.address}</Field>}
        {located && <Field label={t('detail.coordinates')}>{`${request.latitude!.toFixed(5)}, ${request.longitude!.toFixed(5)}`}</Field>}
        <Field label={t('detail.createdAt')}>{formatDateTime(request.createdAt, i18n.language)}</Field>
        <Field label={t('detail.updatedAt')}>{t('detail.updatedAtVersion', { at: formatDateTime(request.updatedAt, i18n.language), version: request.version })}</Field>
        <Field label={t('detail.dueAt')}>{formatDateTime(request.dueAt, i18n.language)}</Field>
        {request.legalDueAt && <Field label={t('detail.legalDueAt')}>{formatDateTime(request.legalDueAt, i18n.language)}</Field>}
        {request.referredTo && <Field label={t('detail.referredTo')}>{request.referredTo}</Field>}
        {request.parentId !== null && (
          <Field label={t('detail.parent')}>
            <Anchor {...linkProps(`/requests/${request.parentId}`)} size="sm">
              {t('detail.parentLink', { id: request.parentId })}
            </Anchor>
          </Field>
        )}
      </SimpleGrid>
      <Field label={t('detail.description')}>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="request-description">
          {request.description}
        </Text>
      </Field>
      {request.resolution && (
        <Field label={t('detail.resolution')}>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="request-resolution">
            {request.resolution}
          </Text>
        </Field>
      )}
    </>
  );
}
