import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { portalApi } from '../../api/portal';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { formatDateTime } from '../../dates';
import { useLoad } from '../../hooks/useLoad';
import { useLocalName } from '../../hooks/useLocalName';
import { linkProps } from '../../router';
import { PortalError } from './CodeStep';
import { PhoneSignIn } from './PhoneSignIn';
import { PortalStatus } from './PortalStatus';

export default function PortalMyRequestsPage() {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const mine = useLoad(() => portalApi.myRequests(), []);
  const signedOut = mine.error instanceof ApiError && mine.error.status === 401;
  return (
    <Stack>
      <Title order={1}>{t('portal.mine.title')}</Title>
      {signedOut ? (
        <>
          <Text>{t('portal.mine.signIn')}</Text>
          <PhoneSignIn onSignedIn={() => mine.reload()} />
        </>
      ) : (
        <>
          <PortalError error={mine.error} />
          {mine.data && mine.data.items.length === 0 && <Text>{t('portal.mine.none')}</Text>}
          {mine.data && mine.data.items.length > 0 && (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('portal.request.trackingNo')}</Table.Th>
                  <Table.Th>{t('portal.form.category')}</Table.Th>
                  <Table.Th>{t('portal.request.status')}</Table.Th>
                  <Table.Th>{t('portal.request.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mine.data.items.map((r) => (
                  <Table.Tr key={r.trackingNo}>
                    <Table.Td>
                      <Anchor {...linkProps(`/portal/requests/${r.trackingNo}`)} c={PORTAL_COLOR}>
                        {r.trackingNo}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{localName({ nameTr: r.categoryNameTr, nameEn: r.categoryNameEn })}</Table.Td>
                    <Table.Td>
                      <PortalStatus status={r.status} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(r.createdAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {mine.data && (
            <Group>
              <Button variant="outline" color={PORTAL_COLOR} onClick={() => void portalApi.signOut().then(() => mine.reload())}>
                {t('portal.mine.signOut')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
