// Azure resources for Equality Action Plan: one Linux App Service running `npm run serve` (tab, bot endpoint,
// reminders) and an Azure Bot registration pointing at it, single-tenant, Teams channel only.
// The council's data stays in its SharePoint site; nothing here stores plan data.
@maxLength(20)
@minLength(4)
param resourceBaseName string
param location string = resourceGroup().location
param webAppSku string = 'B1'
param botId string
param tenantId string
param tabClientId string
param teamsAppId string
param siteUrl string
param certThumbprint string
@secure()
param botSecret string
param botDisplayName string

var webAppName = resourceBaseName
var publicHost = '${webAppName}.azurewebsites.net'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'npm run serve'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'EAP_MODE', value: 'm365' }
        // App Service forwards to the container's PORT on all interfaces of the container.
        { name: 'EAP_HOST', value: '0.0.0.0' }
        { name: 'EAP_PUBLIC_HOST', value: publicHost }
        { name: 'EAP_SITE_URL', value: siteUrl }
        { name: 'EAP_TENANT_ID', value: tenantId }
        { name: 'EAP_TAB_CLIENT_ID', value: tabClientId }
        { name: 'EAP_BOT_ID', value: botId }
        { name: 'EAP_BOT_SECRET', value: botSecret }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        // The PEM is uploaded to /home/site/secrets (persistent, not part of deployments): docs/deploy.md.
        { name: 'EAP_CERT_KEY_PATH', value: '/home/site/secrets/eap-sharepoint.pem' }
        { name: 'EAP_CERT_THUMBPRINT', value: certThumbprint }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${publicHost}/api/messages'
    msaAppId: botId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

// Written to env/.env.<env> by the Agents Toolkit's arm/deploy action.
output EAP_APP_SERVICE_RESOURCE_ID string = webApp.id
output EAP_PUBLIC_HOST string = publicHost
